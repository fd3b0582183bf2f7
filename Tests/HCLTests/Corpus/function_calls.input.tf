resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = ["s3:GetObject", "s3:ListBucket"]
        Resource = [
          aws_s3_bucket.b.arn,
          "${aws_s3_bucket.b.arn}/*",
        ]
      },
    ]
  })
}
locals {
  m = merge(
    var.default_tags,
    var.extra_tags,
    {
      Name = "x"
    },
  )
  c = coalesce( var.a , var.b , "z" )
  n = length(var.list)
  f = format("%s-%d", var.name, 3)
  nested = lookup(merge(var.a, var.b), "key", null)
}
