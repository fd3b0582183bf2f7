locals {
  cidrs = [
  "10.0.0.0/24",
      "10.0.1.0/24",
    "10.0.2.0/24",
  ]
  no_trailing = [
    "a",
    "b"
  ]
  nested = [
    [1, 2],
    [
      3,
      4,
    ],
  ]
  empty = []
  inline = [ 1 , 2 , 3 ]
  objects = [
    {
      name = "a"
      port = 80
    },
    {
      name = "bb"
      port = 443
    },
  ]
}
