locals {
  a = [for x in [1, 2]: x]
  b = [for x in(var.y): x]
  c = { for k in keys(var.m) : k => var.m[k] }
  d = [ for i in range( 3 ) : i ]
  e = zipmap( var.keys , var.values )
}
