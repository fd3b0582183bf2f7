resource /* before */ "aws_s3_bucket" /* between */ "b" /* after */ {
  bucket = "b"
}
resource aws_s3_bucket "c" {}
resource "a" "" {}
resource "a" "q\"uote" {}
resource "a" "\u00e9t\u00e9" {}
