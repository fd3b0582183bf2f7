resource "aws_instance" "web" {
  ami   = "x"
  count = var.n + 1
  tags  = { Name = "y", Env = var.env }
  list  = [1, 2, 3]
  call  = merge(var.a, var.b)
  idx   = var.list[0]
  attr  = var.obj.name
  cond  = var.a ? var.b : var.c
  neg   = -1
  for   = [for x in var.l : x]
  not   = !var.b
  cmp   = var.a == var.b
  arrow = { for k, v in var.m : k => v }
  paren = (var.a)
  splat = var.l[*].id
}
