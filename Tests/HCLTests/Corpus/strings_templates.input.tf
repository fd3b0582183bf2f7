locals {
  name = "${var.prefix}-${ var.name }-${var.env}"
  greeting = "Hello, %{ if var.formal }Sir%{ else }friend%{ endif }!"
  list = "%{ for ip in var.ips }${ ip },%{ endfor }"
  strip = "%{~ for x in var.xs ~}${x}%{~ endfor ~}"
  math = "${ var.a + var.b }"
  nested = "${ upper( var.a ) }x"
  adjacent = "${var.a}${var.b}"
  obj = "${ { a = 1 }.a }x"
}
