// expect-line: 3
// expect: 'version' is not declared: write def version = …
version = "1.4"
run pipeline 2 on branch "master" variable "VERSION", version
