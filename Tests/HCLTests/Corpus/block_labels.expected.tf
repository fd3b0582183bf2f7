resource "aws_s3_bucket" "logs" {
  bucket = "my-logs"
}
resource "aws_s3_bucket" "data" {
  bucket = "data"
  versioning {
    enabled = true
  }
}
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}
module "vpc" {
  source = "./modules/vpc"
}
