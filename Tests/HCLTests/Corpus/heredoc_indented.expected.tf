resource "aws_instance" "web" {
  user_data = <<-EOT
    #!/bin/bash
    echo "hello ${var.name}"
      indented more
    echo done
  EOT
  tags      = {}
}
