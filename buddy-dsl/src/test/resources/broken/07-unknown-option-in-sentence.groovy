// expect-line: 3
// expect: unknown word 'coment' in run pipeline N … | did you mean 'comment'? | Valid here:
run pipeline 2 on branch "master" coment "hotfix"
