locals {
  a = "${~ var.a ~}"
  b = "x%{~ if var.b ~}y%{~ endif ~}z"
  c = <<-EOT
    %{~ for v in var.list ~}
    ${~ v ~}
    %{~ endfor ~}
  EOT
}
