locals {
  upper = [for s in var.list: upper(s)]
  filtered = [for k,v in var.map:v if v!=null]
  as_map = {for k, v in var.map: k=>v}
  grouped = {for s in var.list : substr(s, 0, 1) => s...}
  with_index = [for i, v in var.list : "${i}=${v}"]
  tuple_source = [for x in [1, 2, 3] : x * 2]
  multiline = {
    for name, cfg in var.services :
    name => cfg.port
    if cfg.enabled
  }
  multiline_list = [
    for s in var.subnets : s.id
    if s.public
  ]
}
