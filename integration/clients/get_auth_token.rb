# The Ruby (Rails) token request of Whop's OAuth guide for web apps, verbatim. The test replaces the base URL
# https://api.whop.com with the server under test before it runs this file. Added: the driver at the end.
require 'net/http'
require 'uri'
require 'json'

def get_auth_token(code, client_id, client_secret, redirect_uri)
    uri = URI.parse('https://api.whop.com/v5/oauth/token')
    request = Net::HTTP::Post.new(uri)
    request.content_type = 'application/json'
    request.body = {
        code: code,
        client_id: client_id,
        client_secret: client_secret,
        redirect_uri: redirect_uri
    }.to_json
    req_options = {
        use_ssl: uri.scheme == 'https',
    }
    response = Net::HTTP.start(uri.hostname, uri.port, req_options) do |http|
        http.request(request)
    end
    JSON.parse(response.body)
end

# Driver: ruby get_auth_token.rb CODE CLIENT_ID CLIENT_SECRET REDIRECT_URI prints the response as JSON.
puts JSON.generate(get_auth_token(*ARGV.first(4)))
