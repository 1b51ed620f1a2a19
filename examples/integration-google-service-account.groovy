// A Google service account; the key file's JSON is the api_key (docs: integrations-create.request.google-service-account.json).
// In real scripts read it from the environment instead: apiKey env("GOOGLE_SERVICE_ACCOUNT_KEY").
// The dollar-slashy string $/…/$ keeps the key's backslashes as they are.
workspace "buddy" {
  integration {
    identifier "qljfpaaipt"
    name "slskopytko"
    type GOOGLE_SERVICE_ACCOUNT
    scope WORKSPACE
    apiKey $/{
 "type": "service_account",
 "project_id": "buddy",
 "private_key_id": "97c7fbe597f688c45eb5e4ef0bf7cd6f68959cad",
 "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDweDgPi1cbAabJ\n/ZT9b3uIUF7CyuZSg2/l6VMy3AcQXw90XNKv6OAq9WEhgmHdTS6eUCCRR5G4HiiY\nw02pImtl1wWWqt7qBrgZgcvUcQ0CAh0/qUCuGCPFQ/XPbLJ2J/WQRcoEM3PsoEIn\ndP7uJf22Cm5tCJCElrlQ8OmwzGzS5+O8eXG1AhWAqWVnOVZgpfhnhAxB00XGXZpR\nvrvTKfKPNjvMQDMBM9yU8xZ4LYO8r3CftfSC+HQRiZXCPw4cjZ6/Ebq7TNFfwjuB\nDrvgkitbNWYW8CzNRiGDplT+I6h8ea8uE8D4dWocPAC4M3sHb2JPExarzXNnFLmq\n7JBr7j03AgMBAAECggEAd/y0lGUFsK8RR0al2hOPg0P/FJljdZap9gGHhyAs0ils\nr7ZFVosPl7/amHrTVDZX5Zy7s2IPvtwli5wgGx3WkvlIi5Z1Jjb2E5wlVbqXMAJY\nD9TnNjdLWfoAJGDrZ5Om3zdDhvcZh9+rQr7pGXGReA0aboNQgSgoDdA4GvQV9OHS\nrWDyvcY6xWCy80iJE9jYjK5rPuaFUciJyAOoCXi80pMbmNrabjoTFv0hMDslesyC\nP5TpppSsswr0ag8m400YakyzFJyzBFIteGX7hUcumNgsP1gevikdnspSX3uNjGFK\nnwBcV49Hg9He3KjP7wP3mLxz58px56q7gWAtv46CAQKBgQD6p/Iy4BfBKGJ9hUC1\npTLQ53he9BFB9xqALdLyOyK8UWeJupo6XOAUlqKnd0PJsjkdcoYyJomIlJEk6Jd3\nUOZmiv5upkqtXtGCby20wkJPK4Lm80RC0akdvRUVjfudAgFNjuWlIPn4gfQ+p/sW\nyf66G9l87mfWBm9vzn6v9XFENwKBgQD1mK0qcMv7Xn03p8MwCbJDvcYNATZqTEzW\nGzRZeRV3HSO8PQvJXWun212zmBgw8M7rdLbgn0lDN3S/AIjOyg5qycOFgtYRrU6O\nmn+iTQTnM2jmbjQwpAl0+gJKSDlKcZAKALs1AtDiLQHKE1qvAOss22MGI6Zv6qA8\n32oSORBPAQKBgQDOTDnP25ZReN6O9oRKvDt1qnzska4+f5UFGDH9AeTV3536wmU7\nUcNvzobyk/tr3s6ZSO/gCM27ZqOLIA/BuQjYLt+iZfcid96xnrWchyGyLVqgoGl3\nIT4yZrQauG/1SnguEEU7wkdaXALdKr5ChF+tZ0x6QXGeuk8vU2H7imP9wwKBgD8N\nAD/qD2QsQOdd6W1Wv+5GNSc3jXnCtuMsvsbNoCYhVABKh9Eda7r/RVILFQLTf7vR\nDfYizpM0FIPIpla4ZvUhcVHAYibNoGjZ5bSMI1sbxq2J01o9crQWTyo02ohzGTCI\nOYeFfoziUxhG2bwd90Jf3E9CLcODr7mQ/dFJ1xcBAoGAMi5qGvMgpi5cjdAZ4pC+\n3TIJ5ZXjoTBtC9tKwPWw7tREQK9I4VtWDicJ6psfYhGfg4vYbuW80TJ5NLukyp3O\npylWCauLck/BPS2Q3SSyQ4Fi8fc2upsMqV0Ta3X1XEMBL8+Q5G1kuSwxN4xC+U0u\n9gKF73devYKj9xkrSEnDF4E=\n-----END PRIVATE KEY-----\n",
 "client_email": "buddy@buddy.iam.gserviceaccount.com",
 "client_id": "105237793416275966994",
 "auth_uri": "https://accounts.google.com/o/oauth2/auth",
 "token_uri": "https://oauth2.googleapis.com/token",
 "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
 "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/buddy%40buddy.iam.gserviceaccount.com"
}
/$
    authType DEFAULT
  }
}
