locals {
  neg       = -1
  neg_var   = -var.x
  sub       = 10 - 3
  sub_neg   = 10 - -3
  mul       = 2 * 3
  div       = 10 / 2
  mod       = 10 % 3
  add       = 1 + 2
  paren     = (1 + 2) * 3
  neg_paren = -(var.a)
  cmp       = var.a >= 1 && var.b <= 2 || var.c != 3 && var.d == 4
  lt        = var.a < var.b
  gt        = var.a > var.b
  not       = !var.enabled
  not_paren = !(var.a || var.b)
  list_neg  = [-1, -2]
  call_neg  = max(-1, 0 - 5)
  cond_neg  = var.x ? -1 : -2
}
