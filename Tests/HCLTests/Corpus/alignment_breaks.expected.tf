resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "t3.micro"

  subnet_id              = "subnet-1"
  vpc_security_group_ids = [aws_security_group.web.id]
  # a comment line breaks the run
  key_name   = "deploy"
  monitoring = true
  root_block_device {
    volume_size = 20
    volume_type = "gp3"
  }
  ebs_optimized = true
  tags = {
    Name = "web"
  }
  user_data = "x"
  metadata_options {
    http_tokens = "required"
  }
}
