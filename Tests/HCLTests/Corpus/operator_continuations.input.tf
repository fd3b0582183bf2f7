locals {
  long = (var.a +
    var.b +
  var.c)
  cond = var.x ? (
    var.y
  ) : var.z
  and_chain = (
    var.one &&
    var.two &&
    var.three
  )
  sum = [
    var.a
    + var.b,
  ]
}
