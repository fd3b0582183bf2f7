terraform {
  required_version = ">= 1.0"
  required_providers {
    aws = {
      source = "hashicorp/aws"
      version = "~> 4.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.1"
    }
  }
  backend "s3" {
    bucket = "state"
    key = "prod/terraform.tfstate"
    region = "us-east-1"
    encrypt = true
  }
}
provider "aws" {
  region = var.region
  alias = "west"
  default_tags {
    tags = local.tags
  }
  assume_role {
    role_arn = "arn:aws:iam::123:role/x"
  }
}
