variable "a" { default = 1 }
variable "b" { default = "x" }
resource "x" "y" { count = 1 }
locals { one = 1 }
