variable "count_value" {
  default = 3
}
locals {
  int     = 42
  float   = 3.14
  exp     = 1e10
  exp2    = 2.5E-3
  neg     = -7
  yes     = true
  no      = false
  nothing = null
  str     = "s"
}
