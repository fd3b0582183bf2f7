locals {
  config = <<-YAML
    name: ${ var.name }
    items:
    %{ for item in var.items ~}
      - ${item}
    %{ endfor ~}
    %{ if var.debug }debug: true%{ endif }
    literal: $${not_interp}
  YAML
  policy = jsonencode(<<-JSON
    {"a": "${var.a}"}
  JSON
  )
  list = [
    <<-EOT
      one
    EOT
    ,
    "two",
  ]
}
