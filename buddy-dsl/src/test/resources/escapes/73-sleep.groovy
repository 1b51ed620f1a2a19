// technique: the script's sleep() (a denial of service)
// expect-line: 5
// expect: unknown word 'sleep'
run pipeline 2 on branch "master" comment "before the escape"
sleep(100000000)
