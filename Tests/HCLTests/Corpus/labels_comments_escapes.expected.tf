resource "aws_s3_bucket" "b" /* after */ {
  bucket = "b"
}
resource "aws_s3_bucket" "c" {}
resource "a" "" {}
resource "a" "q\"uote" {}
resource "a" "été" {}
