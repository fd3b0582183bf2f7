locals {
  a = var.x?1:2
  b = var.enabled ? "yes" : "no"
  c = var.count > 0 ? var.count : null
  d = (var.a && var.b) || !var.c ? local.x : local.y
  e = var.env == "prod" ? {
    size = "large"
  } : {
    size = "small"
  }
  f = (
    var.long_condition_name
    ? "value-when-true"
    : "value-when-false"
  )
}
