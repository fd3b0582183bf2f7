locals {
  script = <<EOT
#!/bin/sh
set -e
   leading spaces kept
trailing spaces kept   
EOT
  after = 1
  x = 22
}
resource "null_resource" "n" {
    provisioner "local-exec" {
        command = <<EOF
echo ${ self.id }
EOF
    }
}
