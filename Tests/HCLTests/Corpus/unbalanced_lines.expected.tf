locals {
  a = foo({
    x = 1
  })
  b = [{
    y = 2
    }, {
    y = 3
  }]
  c = merge({
    z = 1
    }, {
    w = 2
  })
  d = jsonencode([
    for x in var.l : {
      name = x
    }
  ])
  e = concat(
    [1],
    [2]
  )
}
