// Run on a tag. The workspace and project come from BUDDY_WORKSPACE and BUDDY_PROJECT here.
run pipeline 2 on tag "v1.0" comment "release v1.0" variable "STAGE", "production"
