resource "aws_instance" "web" {
  ami = var.ami
  lifecycle {
    create_before_destroy = true
    prevent_destroy       = false
    ignore_changes = [
      tags,
      ami,
    ]
  }
  depends_on = [aws_iam_role.r, aws_s3_bucket.b]
  provider   = aws.west
  count      = var.create ? 1 : 0
}
