resource "null_resource" "a" {}
resource "null_resource" "b" {
}
resource "null_resource" "c" {}
resource "null_resource" "d" {

}
terraform {
  backend "s3" {}
}
locals {
  empty_obj  = {}
  empty_list = []
}
