resource "aws_instance" "web" {
  ami = "ami-123"
  instance_type = "t3.micro"
  subnet_id  =  "subnet-1"
  associate_public_ip_address = true
  x=1
}
locals {
  a = 1
  bb = 2
  ccc = 3
}
