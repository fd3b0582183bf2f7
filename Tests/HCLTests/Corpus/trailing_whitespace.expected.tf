resource "a" "b" {
  x = 1
  y = "s"


}
# c  
