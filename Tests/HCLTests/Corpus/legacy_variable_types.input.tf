variable "s" {
  type = "string"
}
variable "l" {
  type = "list"
}
variable "m" {
  type = "map"
}
variable "bare_list" {
  type = list
}
variable "bare_map" {
  type = map
}
variable "bare_set" {
  type = set
}
variable "modern" {
  type = map(string)
}
variable "obj" {
  type = object({
    name = string
    port = number
  })
}
variable "num" {
  type = "number"
}
