locals {
  a = 1 # one
  bbb = 2 # two
  cc = "three" # three
  d = [1, 2] # list

  e = 5 # after blank
  ffffff = 6 # longer
  no_comment = 7
  g = 8 # new run
}
variable "x" { # opens
  type = string # type
  default = "abc" # default value
} # closes
