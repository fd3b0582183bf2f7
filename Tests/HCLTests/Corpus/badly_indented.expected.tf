resource "aws_instance" "web" {
  ami = "x"
  tags = {
    Name = "y"
  }
  ebs_block_device {
    device_name = "/dev/sdb"
  }
}
locals {
  list = [
    1,
    2,
  ]
}
