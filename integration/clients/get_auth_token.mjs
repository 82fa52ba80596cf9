// The JavaScript token request of Whop's OAuth guide for web apps. Edit: Node's built-in fetch in place of
// axios, which is not installed here. Like axios.post with an object, it sends the body as JSON, and it rejects
// a non-2xx status as axios does. The test replaces the base URL https://api.whop.com with the server under
// test before it runs this file. Added: the driver at the end.
const getAuthToken = async (code, clientId, clientSecret, redirect_uri) => {
    try {
        const response = await fetch('https://api.whop.com/v5/oauth/token', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
                code,
                client_id: clientId,
                client_secret: clientSecret,
                redirect_uri: redirect_uri
            })
        });
        if (!response.ok) throw new Error(`Request failed with status code ${response.status}`);
        return await response.json();
    } catch (error) {
        throw error;
    }
};

export default getAuthToken;

// Driver: node get_auth_token.mjs CODE CLIENT_ID CLIENT_SECRET REDIRECT_URI prints the response as JSON.
console.log(JSON.stringify(await getAuthToken(...process.argv.slice(2, 6))));
