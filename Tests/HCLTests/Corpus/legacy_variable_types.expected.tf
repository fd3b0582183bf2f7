variable "s" {
  type = string
}
variable "l" {
  type = list(string)
}
variable "m" {
  type = map(string)
}
variable "bare_list" {
  type = list(any)
}
variable "bare_map" {
  type = map(any)
}
variable "bare_set" {
  type = set(any)
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
