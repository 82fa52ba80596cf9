# The Python user request of Whop's OAuth guide for web apps, verbatim. The test replaces the base URL
# https://api.whop.com with the server under test before it runs this file. Added: the driver at the end.
import requests

def check_access(access_token):
    headers = {
        "Authorization": f"Bearer {access_token}"
    }
    response = requests.get('https://api.whop.com/v5/me', headers=headers)
    return response.json()

# Driver: python3 check_access.py ACCESS_TOKEN prints the response as JSON.
if __name__ == "__main__":
    import json
    import sys
    print(json.dumps(check_access(sys.argv[1])))
