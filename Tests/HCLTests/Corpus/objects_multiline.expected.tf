locals {
  tags = {
    Name                                   = "web"
    Environment                            = var.env
    "kubernetes.io/cluster/${var.cluster}" = "owned"
    (var.dynamic_key)                      = "value"
    Owner : "team"
  }
  empty         = {}
  inline        = { a = 1, b = 2 }
  inline_spaced = { a = 1 }
  merged = merge(var.tags, {
    Extra = "x"
  })
  commas = {
    a  = 1,
    bb = 2,
  }
}
