// expect-line: 3
// expect: 'new' is not allowed in Buddy scripts
def f = new File("/etc/passwd")
