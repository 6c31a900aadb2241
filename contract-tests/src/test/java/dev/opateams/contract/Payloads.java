package dev.opateams.contract;

/**
 * Response bodies used by the tests. The settings and stats bodies are the
 * documented response samples; the servers body follows the documented shape,
 * with null for unset strings and arrays and 0001-01-01T00:00:00Z for unset
 * times.
 */
final class Payloads {

  static final String SETTINGS_DOCUMENTED = """
      {
        "approve_device_without_interaction": false,
        "client_session_duration": 36000,
        "post_device_enrollment_url": null,
        "post_login_url": null,
        "post_logout_url": null,
        "reactivate_users_via_idp": false,
        "team": "Your_OPA_Team",
        "user_provisioning_exact_username": null,
        "web_session_duration": 36000
      }
      """;

  static final String STATS = """
      {
        "num_clients": 0,
        "num_gateways": 0,
        "num_groups": 1,
        "num_human_users": 1,
        "num_projects": 2,
        "num_servers": 1,
        "num_service_users": 0
      }
      """;

  static final String SERVERS_DOCUMENTED = """
      {
        "list": [
          {
            "id": "9d2c1f0e-7b4a-4e55-a1c3-6f8e2d4b5c60",
            "access_address": null,
            "alt_names": null,
            "bastion": null,
            "broker_host_certs": null,
            "canonical_name": null,
            "cloud_provider": null,
            "deleted_at": "0001-01-01T00:00:00Z",
            "hostname": "web-01.example.internal",
            "instance_details": null,
            "instance_id": null,
            "last_seen": "0001-01-01T00:00:00Z",
            "managed": true,
            "os": "Ubuntu 16.04",
            "os_type": "linux",
            "project_id": null,
            "project_name": "web-servers",
            "registered_at": "2026-03-02T14:21:07Z",
            "services": ["ssh"],
            "sftd_version": "1.87.1",
            "ssh_host_keys": null,
            "state": "ACTIVE",
            "team_name": "Your_OPA_Team"
          },
          {
            "id": "4a8e2c6b-0f1d-4e3a-9b5c-7d6e8f9a0b12",
            "access_address": "203.0.113.24",
            "alt_names": ["db-01", "db-01.example.internal"],
            "bastion": "bastion.example.internal",
            "broker_host_certs": [],
            "canonical_name": "db-01",
            "cloud_provider": "aws",
            "deleted_at": "0001-01-01T00:00:00Z",
            "hostname": "db-01",
            "instance_details": {
              "_type": "aws",
              "account_id": "123456789012",
              "availability_zone": "us-west-2a",
              "instance_id": "i-0abc123def4567890",
              "networks": [{"mac": "0a:1b:2c:3d:4e:5f", "addresses": ["10.0.1.17"], "vpc_id": "vpc-0a1b2c3d"}]
            },
            "instance_id": "i-0abc123def4567890",
            "labels": {"env": "production", "tier": "database"},
            "last_seen": "2026-11-30T09:59:40Z",
            "managed": true,
            "os": "Amazon Linux 2023",
            "os_type": "linux",
            "project_id": "2e4f6a8c-0b1d-4e3f-8a5c-7b9d1f3e5a60",
            "project_name": "databases",
            "registered_at": "2025-10-14T08:03:55Z",
            "services": ["ssh"],
            "sftd_version": "1.87.1",
            "ssh_host_keys": [],
            "state": "ACTIVE",
            "team_name": "Your_OPA_Team"
          }
        ]
      }
      """;

  /** Values that a newer server may send: unknown enum values, variants and fields. */
  static final String SERVERS_FROM_NEWER_SERVER = """
      {
        "list": [
          {
            "id": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
            "hostname": "win-07",
            "team_name": "Your_OPA_Team",
            "project_name": "windows",
            "state": "PENDING_DELETION",
            "os_type": "macos",
            "cloud_provider": "oci",
            "services": ["rdp", "vnc"],
            "instance_details": {"_type": "oci", "tenancy": "ocid1.tenancy.oc1..example"},
            "registered_at": "0001-01-01T00:00:00Z",
            "last_seen": "0001-01-01T00:00:00Z",
            "deleted_at": "0001-01-01T00:00:00Z",
            "agent_capabilities": {"session_recording": true},
            "risk_score": 17
          }
        ],
        "total_estimate": 1
      }
      """;

  static final String CHECKED_OUT_RESOURCES = """
      {
        "list": [
          {
            "resource_id": "3b7e6a8e-95a0-4c1f-8d44-0d7c1f2f3a11",
            "resource_type": "server_account_password_login",
            "checkout_at": "2026-11-30T09:12:44Z",
            "checkout_expiry_at": "2026-11-30T10:12:44Z",
            "resource_name": "root@web-01.example.internal",
            "resource_details": {
              "_type": "server_account_password_login",
              "hostname": "web-01.example.internal",
              "server_id": "9d2c1f0e-7b4a-4e55-a1c3-6f8e2d4b5c60"
            }
          },
          {
            "resource_id": "6f0a2b9c-1d3e-4f5a-8b7c-2e1d0c9b8a77",
            "resource_type": "managed_saas_app_account_password_login",
            "checkout_at": "2026-11-30T08:40:02Z",
            "checkout_expiry_at": "2026-11-30T09:40:02Z",
            "checkin_start_at": "2026-11-30T09:35:00Z",
            "checkin_type": "self",
            "checkin_by": "1c9e4d7a-2b3f-4a6e-9d8c-5f7e6a4b3c21",
            "resource_details": {
              "_type": "managed_saas_app_account_password_login",
              "app_name": "Salesforce",
              "account_name": "admin@example.com"
            }
          }
        ]
      }
      """;

  static final String CHECKED_OUT_RESOURCES_FROM_NEWER_SERVER = """
      {
        "list": [
          {
            "resource_id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
            "resource_type": "kubernetes_cluster_login",
            "checkout_at": "2026-11-30T09:12:44Z",
            "checkout_expiry_at": "2026-11-30T10:12:44Z",
            "checkin_type": "system_policy_changed",
            "resource_details": {"_type": "kubernetes_cluster_login", "cluster_name": "prod-eu"}
          },
          {
            "resource_id": "8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b",
            "resource_type": "database_account_password_login",
            "checkout_at": "2026-11-30T09:12:44Z",
            "checkout_expiry_at": "2026-11-30T10:12:44Z",
            "resource_details": {
              "_type": "database_account_password_login",
              "database_connection": {
                "database_connection_name": "orders",
                "database_connection_id": "c0ffee00-0000-4000-8000-000000000001",
                "database_auth_type": "postgres_basic_auth"
              },
              "database_account": {"database_account_name": "reporting", "database_account_id": "acct-17"}
            }
          }
        ]
      }
      """;

  static final String ROLES = """
      {"list": [{"name": "end_user"}, {"name": "pam_admin"}, {"name": "resource_admin"}, {"name": "security_admin"}]}
      """;

  static final String ROLES_FROM_NEWER_SERVER = """
      {"list": [{"name": "end_user"}, {"name": "compliance_auditor", "description": "read-only audit access"}]}
      """;

  static final String JWKS = """
      {
        "keys": [
          {
            "kty": "EC",
            "kid": "5f1c0a9e-vault-2026-11",
            "crv": "P-256",
            "alg": "ECDH-ES+A256KW",
            "use": "enc",
            "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"
          },
          {
            "kty": "RSA",
            "kid": "rsa-2026-11",
            "alg": "RSA-OAEP-256",
            "use": "enc",
            "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            "e": "AQAB",
            "x5t#S256": "ZjgzT0ozRDJ4RjFCZzh2dWI5dExlMWdITXpWNzZlOFQ"
          }
        ]
      }
      """;

  static final String SERVICE_TOKEN = """
      {
        "bearer_token": "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJzdmMtZXhhbXBsZSJ9.c2lnbmF0dXJl",
        "expires_at": "2026-11-30T10:12:44Z",
        "team_name": "Your_OPA_Team"
      }
      """;

  private Payloads() {
  }
}
