output "ids" {
  value = aws_instance.web[*].id
}
output "legacy" {
  value = aws_instance.web.*.id
}
output "first" {
  value = aws_instance.web[0].id
}
output "by_key" {
  value = var.map["key"]
}
output "nested" {
  value = var.list[0][1]
}
output "call_index" {
  value = split(",", var.csv)[0]
}
output "attr_chain" {
  value = module.vpc.private_subnets[ 2 ]
}
output "full_splat" {
  value = var.objects[*].tags["Name"]
}
output "legacy_index" {
  value = var.list.0.id
}
