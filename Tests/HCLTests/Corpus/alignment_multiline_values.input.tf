locals {
  short = 1
  a_long_name = [
    1,
    2,
  ]
  after = 2
  also_after = 3
  obj = { a = 1, b = 2 }
  single_line_list = [1, 2, 3]
  call = merge(local.a, local.b)
  nested = {
    inner = 1
    inner_longer = 2
    deep = {
      x = 1
      yyyy = 2
    }
    tail = 3
  }
  end = true
}
