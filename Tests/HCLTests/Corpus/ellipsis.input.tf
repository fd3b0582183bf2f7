locals {
  m = merge(var.maps...)
  c = concat(var.lists ...)
  mn = min(var.numbers...)
  g = { for k, v in var.items : v.group => k... }
}
