# The Python token request of Whop's OAuth guide for web apps, verbatim. The test replaces the base URL
# https://api.whop.com with the server under test before it runs this file. Added: the driver at the end.
import requests

def get_auth_token(code, client_id, client_secret, redirect_uri):
    data = {
        "code": code,
        "client_id": client_id,
        "client_secret": client_secret,
        "redirect_uri": redirect_uri
    }
    response = requests.post('https://api.whop.com/v5/oauth/token', data=data)
    return response.json()

# Driver: python3 get_auth_token.py CODE CLIENT_ID CLIENT_SECRET REDIRECT_URI prints the response as JSON.
if __name__ == "__main__":
    import json
    import sys
    print(json.dumps(get_auth_token(*sys.argv[1:5])))
