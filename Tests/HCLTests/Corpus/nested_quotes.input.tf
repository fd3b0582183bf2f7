locals {
  a = "${var.enabled ? "on" : "off"}-suffix"
  b = "${join(",", [for s in var.list : "${s}-x"])}"
  c = "prefix-${lookup(var.map, "key", "default")}"
  d = "${format("%s-%s", var.a, "${var.b}")}/end"
  e = "${ replace( var.name , "_" , "-" ) }.example.com"
}
