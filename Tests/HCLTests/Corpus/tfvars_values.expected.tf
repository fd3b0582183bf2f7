region            = "us-east-1"
instance_count    = 3
enable_monitoring = true
tags = {
  Team       = "platform"
  CostCenter = "1234"
}
subnets = ["a", "b", "c"]
