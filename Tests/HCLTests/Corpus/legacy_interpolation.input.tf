resource "aws_instance" "web" {
  ami = "${var.ami}"
  count = "${var.count}"
  name = "${var.prefix}-web"
  both = "${var.a}${var.b}"
  nested = "${lookup(var.m, "${var.k}")}"
  cond = "${var.a ? "x" : "y"}"
  tags = {
    Name = "${var.name}"
  }
  list = ["${var.a}"]
  block {
    inner = "${var.inner}"
  }
  multi = "${
    var.multi
  }"
  spaced = "${ var.spaced }"
}
