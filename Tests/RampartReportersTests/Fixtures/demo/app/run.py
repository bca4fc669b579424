import subprocess


def run(cmd):
    # call the shell
    subprocess.call('ls')





    subprocess.Popen(cmd, shell=True)







subprocess.Popen(x, shell=True)  # nosec B602
