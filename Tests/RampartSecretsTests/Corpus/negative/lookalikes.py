      "integrity": "sha512-F8CRtD5wg/G5ofk+B9haNj2aQNbwr8DAsbGjbWZJWCgDscLtSVncfogKfNffr9JEGPGtwMTKX8fjxiGXtnoEMw==",
password = os.environ["NMEWEN_PASSWORD"]
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI+RujpbsCpuE0MGIdibx/fhWn8niZgAl11SiPFz8hRZ/ deploy@ci
checksum_md5: 58515d75014fce28531ae82843a7e12f
colors = ["#169518", "#c88420", "#1cfcfc", "#3dcc55"]
API_KEY=${API_KEY}
STRIPE_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc
token_type = "access_token"
api_token: "{{ lookup('env', 'PXQKWSNE') }}"
FROM python:3.12-slim@sha256:20d2dce757d31b43295e1a71dab7123c360cd7d0d6bfd53b6bd5bd01d50ff200
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
msg = "Enter your password and the token we sent to trvzjlna"
password_field = "gsswl_password_hash"
REQUEST_ID = "aa52d676-95a2-781b-e1e0-aedf6658d9e8"
api_key = settings.MENONV_API_KEY
DATABASE_URL = "postgres://app@db.internal:5432/hnddyw"
__version__ = "6.1.9"
    {file = "pkg-417.whl", hash = "sha256:05b8855797cd69b6d46a92e5279ec047e6e7f24c5aa131cfc7ffa5ed8df2dea4"},
GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
AZURE_STORAGE=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;
  --secret-banner-color: #bbbe00;
-----BEGIN CERTIFICATE-----
<img src="data:image/png;base64,e45fQqDfrT5gR1pvOi+wEPUrORjlm6mr0aV2L2OGwQl3QsNRhMXb08/tn4l8bHQzS6dQvyBwpxcMybRh5e3TKYAkFyLxOiAvJDsZzGmTq19gCILrs4wjcZNx">
token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c
PASSWORD_RESET_URL = "https://flqyghhr.internal/reset"
secret = "ouugqx"
pinned_commit: 416feca4b9ee1bb33d4b7e9f574957d88ac9a7f1
token = get_token(mxpzei)
DATABASE_URL = "postgres://user:password@localhost:5432/iliksb"
$ANSIBLE_VAULT;1.1;AES256
      "integrity": "sha512-OKg1Kgq0JGoLxVfgJfNXo63rAV1eSidrfVRatc7IrulV+0sQN9t6WVvuYUL3Teh76J7iPOoOrnlbAvZUb1WsdQ==",
password = os.environ["CJLCRX_PASSWORD"]
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIr1LA1P2XK+Hgn7GwnuVgs7xxTN4svmT9zh7unRgOZtc deploy@ci
