output "vpc_id" {
  description = "The VPC id"
  value       = aws_vpc.main.id
  sensitive   = false
}
output "map" {
  value = {
    for k, v in aws_subnet.private : k => v.id
  }
}
locals {
  name_prefix = "${var.project}-${var.environment}"
  common_tags = merge(var.tags, {
    Project     = var.project
    Environment = var.environment
  })
  azs = slice(data.aws_availability_zones.available.names, 0, 3)
}
