resource "aws_instance" "web" {
  ami = "x"
  user_data = <<-EOT
    echo hi
  EOT
  instance_type = "t3.micro" # trailing
  key = "k" # trailing too
}
