import Hummingbird
import PromptLibCore
import PromptLibStorage

/// `/api/v1/users`: account administration (admins only, by ``PermissionMatrix``).
struct UserController {
    let users: UserService
    let repository: any UserRepository

    struct CreateInput: Decodable {
        let username: String
        let email: String
        let password: String
        let role: Role?
    }

    struct UpdateInput: Decodable {
        let email: String?
        let role: Role?
        let status: UserStatus?
        let password: String?
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get { request, _ -> ListResponse<UserResponse> in
            let query = try ListQuery(request)
            return ListResponse(try await repository.list(limit: query.limit, cursor: query.cursor), limit: query.limit, map: UserResponse.init)
        }
        group.post { request, context -> EditedResponse<UserResponse> in
            let input = try await request.decodeJSON(as: CreateInput.self, context: context)
            let user = try await users.create(username: input.username, email: input.email, password: input.password,
                                              role: input.role ?? .user, context: context)
            return EditedResponse(status: .created, headers: [.location: "/api/v1/users/\(user.id)"], response: UserResponse(user))
        }
        group.get(":id") { _, context -> UserResponse in
            UserResponse(try await users.find(id: try context.parameters.require("id")))
        }
        group.patch(":id") { request, context -> UserResponse in
            let input = try await request.decodeJSON(as: UpdateInput.self, context: context)
            let changes = UserService.Changes(email: input.email, role: input.role, status: input.status, password: input.password)
            return UserResponse(try await users.update(id: try context.parameters.require("id"), changes, context: context))
        }
        group.delete(":id") { _, context -> HTTPResponse.Status in
            try await users.delete(id: try context.parameters.require("id"), context: context)
            return .noContent
        }
    }
}
