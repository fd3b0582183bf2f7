resource "a" "b" {
  x  = 1
  yy = "two" # c

  nested {
    z = 3
  }
  h = <<-EOT
    body
  EOT
}
